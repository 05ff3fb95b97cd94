"""Containers under follow-up take progress notes only while they are open."""

from plone.dexterity.content import Container


class FollowedUpContainer(Container):
    def allowedContentTypes(self, context=None):
        allowed = super().allowedContentTypes(context)
        if getattr(self, "implementation_status", "pending") not in (
            "pending",
            "in_progress",
        ) or not getattr(self, "responsible_units", None):
            allowed = [fti for fti in allowed if fti.getId() != "ProgressNote"]
        return allowed
