"""The workflow "Duyệt tin bài thông tin đối ngoại", assigned at the root of the page tree.

Two steps: review by the group Kiểm duyệt, then approval by the group Người phát
ngôn (of whom only a person with a current register entry can act). The root
covers every page type in every locale. Wagtail's starter workflow ("Moderators
approval", whose group no longer exists) is removed, and nobody keeps Wagtail's
publish permission: publishing happens only when the workflow's last step is
approved, through the publication gate.
"""

from django.db import migrations

WORKFLOW_NAME = "Duyệt tin bài thông tin đối ngoại"
REVIEW_TASK = "Biên tập – kiểm duyệt"
SPOKESPERSON_TASK = "Người phát ngôn phê duyệt"
REVIEWERS = "Kiểm duyệt"
SPOKESPERSONS = "Người phát ngôn"


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ReviewTask = apps.get_model("workflows", "ReviewTask")
    SpokespersonApprovalTask = apps.get_model("workflows", "SpokespersonApprovalTask")

    # Wagtail's starter workflow and its task.
    for workflow in Workflow.objects.filter(name="Moderators approval"):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.filter(workflow=workflow).delete()
        workflow.delete()
    Task.objects.filter(name="Moderators approval").delete()

    def task(model, name, group_name):
        content_type, _ = ContentType.objects.get_or_create(
            app_label="workflows", model=model._meta.model_name
        )
        instance = model.objects.filter(name=name).first()
        if instance is None:
            instance = model.objects.create(name=name, content_type=content_type, active=True)
        instance.groups.set(Group.objects.filter(name=group_name))
        return instance

    review = task(ReviewTask, REVIEW_TASK, REVIEWERS)
    approval = task(SpokespersonApprovalTask, SPOKESPERSON_TASK, SPOKESPERSONS)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.filter(workflow=workflow).delete()
    WorkflowTask.objects.create(workflow=workflow, task_id=review.pk, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task_id=approval.pk, sort_order=1)

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    GroupPagePermission.objects.filter(permission__codename="publish_page").delete()


def backwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0003_publication_workflow_models"),
        ("core", "0002_editorial_roles"),
        ("home", "0002_site_root_and_locales"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
