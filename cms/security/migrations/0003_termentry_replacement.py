from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("security", "0002_seed_rules_and_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="termentry",
            name="replacement",
            field=models.CharField(
                blank=True,
                default="",
                help_text=(
                    "The right word or phrase, suggested wherever the term is found, e.g. "
                    "“People's Committee of Xuan Truong Commune” for “Xuan Truong Commune "
                    "People's Committee” (rule EN-01, English). Leave empty if the term is "
                    "simply to be avoided."
                ),
                max_length=255,
                verbose_name="replacement",
            ),
        ),
    ]
