"""The one check every error test makes: the status and the JSON error envelope."""


def assert_error(response, status: int, code: str) -> dict:
    """Assert `response` is the `{"error": {code, message, details}}` envelope with
    `status` and `code`; return its `error` object."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["details"], dict)
    return body["error"]
