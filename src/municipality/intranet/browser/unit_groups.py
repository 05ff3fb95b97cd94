"""``@@unit-groups``: site administrators manage who edits and who reads a unit."""

from municipality.intranet import _
from municipality.intranet.unit_groups import unit_group_ids
from municipality.intranet.unit_groups import UNIT_GROUPS
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView


class UnitGroupsView(BrowserView):
    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.update(self.request.form)
            return self.request.response.redirect(
                f"{self.context.absolute_url()}/@@unit-groups"
            )
        return super().__call__()

    def groups(self) -> list[dict]:
        ids = unit_group_ids(self.context)
        result = []
        for suffix, roles, _title in UNIT_GROUPS:
            groupid = ids.get(suffix)
            group = api.group.get(groupname=groupid) if groupid else None
            if group is None:
                continue
            members = sorted(
                (
                    {
                        "id": user.getId(),
                        "name": user.getProperty("fullname") or user.getId(),
                    }
                    for user in api.user.get_users(groupname=groupid)
                ),
                key=lambda member: member["name"].casefold(),
            )
            result.append(
                {
                    "id": groupid,
                    "suffix": suffix,
                    "title": group.getProperty("title"),
                    "roles": roles,
                    "members": members,
                }
            )
        return result

    def update(self, form) -> None:
        messages = api.portal.show_message
        ids = unit_group_ids(self.context)
        groupid = ids.get(form.get("group", ""))
        if groupid is None:
            messages(_("Choose one of the unit's groups."), self.request, "error")
            return
        removed = form.get("remove") or []
        for userid in [removed] if isinstance(removed, str) else removed:
            api.group.remove_user(groupname=groupid, username=userid)
            messages(_("Removed ${user}.", mapping={"user": userid}), self.request)
        username = (form.get("add") or "").strip()
        if not username:
            return
        user = api.user.get(username=username)
        if user is None:
            messages(
                _("There is no user ${user}.", mapping={"user": username}),
                self.request,
                "error",
            )
            return
        api.group.add_user(groupname=groupid, user=user)
        messages(_("Added ${user}.", mapping={"user": username}), self.request)
