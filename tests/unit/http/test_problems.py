from datetime import date

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, Field

from district_shared.http.problems import (
    PROBLEM_JSON,
    Conflict,
    FieldError,
    Invalid,
    NotFound,
    field_path,
    install_problem_handlers,
    problem_responses,
)
from tests.infra.services import http_client


class Lease(BaseModel):
    start: date
    end: date


class Contact(BaseModel):
    email: str = Field(pattern=r"@")


class EnterpriseIn(BaseModel):
    credit_code: str = Field(min_length=18, max_length=18)
    lease: Lease
    contacts: list[Contact] = []


def _app() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.post("/enterprises")
    async def create(body: EnterpriseIn) -> EnterpriseIn:
        return body

    @app.get("/enterprises/{enterprise_id}", responses=problem_responses(404))
    async def read(enterprise_id: int, limit: int = 10) -> None:
        raise NotFound("enterprise", enterprise_id)

    @app.post("/enterprises/{enterprise_id}/close")
    async def close(enterprise_id: int) -> None:
        raise Conflict("already closed", field="status")

    @app.post("/rules")
    async def rules() -> None:
        raise Invalid(
            [FieldError(field="lease.end", reason="before start"), FieldError(field="", reason="x")]
        )

    @app.post("/parse")
    async def parse() -> None:
        Lease.model_validate({"start": "2026-01-01", "end": "soon"})  # a use case validating by itself

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("bug")

    return app


@pytest.fixture
async def client():
    async with http_client(_app()) as client:
        yield client


async def test_an_unknown_id_is_a_404_problem(client):
    response = await client.get("/enterprises/42")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "enterprise 42 not found",
        "errors": [],
    }


async def test_a_conflict_names_its_field(client):
    response = await client.post("/enterprises/1/close")
    assert response.status_code == 409
    assert response.json()["errors"] == [{"field": "status", "reason": "already closed"}]


async def test_a_rule_broken_in_a_use_case_is_a_422_with_every_field(client):
    response = await client.post("/rules")
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["errors"] == [
        {"field": "lease.end", "reason": "before start"},
        {"field": "", "reason": "x"},
    ]


async def test_invalid_body_fields_are_named_by_their_json_path(client):
    body = {
        "credit_code": "short",
        "lease": {"start": "2026-01-01"},
        "contacts": [{"email": "a@b"}, {"email": "no"}],
    }
    response = await client.post("/enterprises", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON
    fields = sorted(e["field"] for e in response.json()["errors"])
    assert fields == ["contacts[1].email", "credit_code", "lease.end"]
    assert all(e["reason"] for e in response.json()["errors"])


async def test_invalid_path_and_query_parameters_are_named_without_their_location(client):
    response = await client.get("/enterprises/x", params={"limit": "many"})
    assert response.status_code == 422
    assert sorted(e["field"] for e in response.json()["errors"]) == ["enterprise_id", "limit"]


async def test_a_body_that_is_not_json_is_a_422_about_no_field(client):
    response = await client.post(
        "/enterprises", content=b"{oops", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [""]


async def test_a_pydantic_error_raised_by_a_use_case_is_a_422(client):
    response = await client.post("/parse")
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["end"]


async def test_an_unknown_route_is_a_404_problem(client):
    response = await client.get("/nowhere")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["title"] == "Not Found"


async def test_a_wrong_method_is_a_405_problem_that_keeps_the_allow_header(client):
    response = await client.delete("/enterprises")
    assert response.status_code == 405
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.headers["allow"] == "POST"


async def test_an_unexpected_error_is_a_500_problem_without_details():
    # Starlette re-raises after answering (for the logs); this transport keeps the answer instead.
    transport = httpx.ASGITransport(app=_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json() == {
        "type": "about:blank",
        "title": "Internal Server Error",
        "status": 500,
        "errors": [],
    }


@pytest.mark.parametrize(
    ("loc", "from_request", "expected"),
    [
        (("body", "lease", "end"), True, "lease.end"),
        (("query", "limit"), True, "limit"),
        (("body",), True, ""),
        (("body", "contacts", 0, "email"), True, "contacts[0].email"),
        (("body", 2), True, "[2]"),
        (("body", "x"), False, "body.x"),  # a model's own field called "body" is kept
    ],
)
def test_field_paths(loc, from_request, expected):
    assert field_path(loc, from_request=from_request) == expected


def test_openapi_documents_errors_as_problems_not_fastapis_default():
    schema = _app().openapi()
    read = schema["paths"]["/enterprises/{enterprise_id}"]["get"]["responses"]
    problem = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    assert read["404"]["content"] == problem
    assert read["422"]["content"] == problem
    assert {"Problem", "FieldError"} <= set(schema["components"]["schemas"])
    assert "HTTPValidationError" not in schema["components"]["schemas"]
