"""Admin hooks of the false-information register (``register``): its views and menu item,
its audit-log action and the dashboard panel of open incidents."""

from wagtail import hooks

from .register import VIEW_INCIDENT, IncidentChangeFormatter, IncidentViewSet, OpenIncidentsPanel
from .signal_handlers import INCIDENT_CHANGE

incident_viewset = IncidentViewSet()


@hooks.register("register_admin_viewset")
def register_incident_viewset():
    return incident_viewset


@hooks.register("register_log_actions")
def register_incident_log_action(actions):
    actions.register_action(INCIDENT_CHANGE)(IncidentChangeFormatter)


@hooks.register("construct_homepage_panels")
def add_open_incidents_panel(request, panels):
    if request.user.has_perm(VIEW_INCIDENT):
        panels.append(OpenIncidentsPanel(incident_viewset))
