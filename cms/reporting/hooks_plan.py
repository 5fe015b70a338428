"""Admin integration of the plan's tasks (``plan_tasks``): their list under *Settings*."""

from wagtail import hooks

from .plan_tasks import PlanTaskViewSet


@hooks.register("register_admin_viewset")
def register_plan_task_viewset():
    return PlanTaskViewSet("plan_tasks")
