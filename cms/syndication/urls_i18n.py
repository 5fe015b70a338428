from django.urls import path

from . import feeds

# Under /vi/ and /en/: a feed lists the articles written in the language of its prefix.
app_name = "syndication"

urlpatterns = [
    path("feeds/rss/", feeds.LatestArticlesFeed(), name="rss"),
    path("feeds/atom/", feeds.LatestArticlesAtomFeed(), name="atom"),
    path("feeds/topics/<slug:slug>/rss/", feeds.TopicFeed(), name="topic_rss"),
    path("feeds/topics/<slug:slug>/atom/", feeds.TopicAtomFeed(), name="topic_atom"),
    path("feeds/campaigns/<slug:slug>/rss/", feeds.CampaignFeed(), name="campaign_rss"),
    path("feeds/campaigns/<slug:slug>/atom/", feeds.CampaignAtomFeed(), name="campaign_atom"),
]
