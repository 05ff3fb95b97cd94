"""Users of the tests, each in the groups it needs, created once per site."""

from plone import api


PASSWORD = "a long enough secret"


def create_users(users: dict, site_admins=()) -> None:
    """``users``: username → groups; ``site_admins`` also get that role."""
    with api.env.adopt_roles(["Manager"]):
        for username, groups in users.items():
            if api.user.get(username=username) is None:
                api.user.create(
                    username=username,
                    email=f"{username}@example.org",
                    password=PASSWORD,
                    properties={"fullname": username.replace("_", " ").title()},
                )
            for group in groups:
                api.group.add_user(groupname=group, username=username)
        for username in site_admins:
            api.user.grant_roles(username=username, roles=["Site Administrator"])
