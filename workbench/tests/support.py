"""Reading the workbench in tests."""


def board_of(client, user):
    """The workbench as ``user`` sees it: the rendered page and its ``Board``."""
    client.force_login(user)
    response = client.get("/workbench/")
    assert response.status_code == 200
    return response.content.decode(), response.context["board"]


def titles(pairs):
    return [todo.title for _group, todo in pairs]


def group(board, key):
    return next((g for g in board.groups if g.key == key), None)
