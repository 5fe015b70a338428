"""``WAGTAIL_FINISH_WORKFLOW_ACTION``. Wagtail imports it while defining its models, so it
imports nothing at module level."""


def publish_approved(workflow_state, user=None):
    """Publish the revision the spokesperson approved (see ``approval.publish_approved``)."""
    from .approval import publish_approved as publish

    return publish(workflow_state, user=user)
