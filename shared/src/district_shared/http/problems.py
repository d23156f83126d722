"""RFC 9457 problem details: the one error shape of every service (DESIGN §4, "HTTP conventions")."""

from collections.abc import Iterable, Mapping, Sequence
from http import HTTPStatus
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
# Where FastAPI puts a parameter in `loc`; the client only knows the field's own name.
_PARAMETER_SOURCES = frozenset({"body", "query", "path", "header", "cookie"})


class FieldError(BaseModel):
    """One reason the request was refused; `field` is the JSON name (`lease.end`), "" when about no field."""

    field: str
    reason: str


class Problem(BaseModel):
    """The `application/problem+json` body."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    errors: list[FieldError] = []


class ProblemError(Exception):
    """An error a use case or route raises to answer with a problem; subclasses fix the status."""

    status: ClassVar[int] = 500

    def __init__(
        self, detail: str, errors: Iterable[FieldError] = (), headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = list(errors)
        self.headers = dict(headers or {})

    def problem(self) -> Problem:
        return Problem(
            title=HTTPStatus(self.status).phrase, status=self.status, detail=self.detail, errors=self.errors
        )


class NotFound(ProblemError):
    """404: no `what` with this id."""

    status = 404

    def __init__(self, what: str, id: object) -> None:
        super().__init__(f"{what} {id} not found")


class Conflict(ProblemError):
    """409: the request clashes with the current state (duplicate, illegal transition, overlap)."""

    status = 409

    def __init__(self, reason: str, field: str | None = None) -> None:
        super().__init__(reason, [FieldError(field=field or "", reason=reason)])


class Invalid(ProblemError):
    """422: the input breaks a rule; one entry per offending field."""

    status = 422

    def __init__(self, errors: Iterable[FieldError]) -> None:
        super().__init__("the request is invalid", errors)

    @classmethod
    def at(cls, field: str, reason: str) -> "Invalid":
        """A 422 about one field."""
        return cls([FieldError(field=field, reason=reason)])


class Unauthorized(ProblemError):
    """401: no credentials, or credentials that do not verify."""

    status = 401

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(ProblemError):
    """403: a verified caller without the scope the operation needs."""

    status = 403

    def __init__(self, missing: Sequence[str]) -> None:
        scope = " ".join(missing)
        super().__init__(
            f"missing scope: {scope}",
            headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{scope}"'},
        )


class Unavailable(ProblemError):
    """503: something this request depends on does not answer; the client may retry."""

    status = 503


def field_path(loc: Sequence[int | str], *, from_request: bool) -> str:
    """`("body", "lease", "end")` → `lease.end`; list positions as `contacts[0].email`."""
    parts = loc[1:] if from_request and loc and loc[0] in _PARAMETER_SOURCES else loc
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path


def validation_errors(errors: Iterable[ErrorDetails], *, from_request: bool) -> list[FieldError]:
    """Pydantic's error list as field errors."""
    return [
        # An unparseable body's `loc` points at a character offset, not at a field.
        FieldError(
            field="" if e["type"] == "json_invalid" else field_path(e["loc"], from_request=from_request),
            reason=e["msg"],
        )
        for e in errors
    ]


def problem_response(problem: Problem, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """Render a problem with its media type."""
    return JSONResponse(
        jsonable_encoder(problem, exclude_none=True),
        problem.status,
        dict(headers or {}),
        media_type=PROBLEM_JSON,
    )


async def _on_problem(_request: Request, exc: ProblemError) -> JSONResponse:
    return problem_response(exc.problem(), exc.headers)


async def _on_request_validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
    return problem_response(Invalid(validation_errors(exc.errors(), from_request=True)).problem())


async def _on_pydantic_validation(_request: Request, exc: ValidationError) -> JSONResponse:
    return problem_response(Invalid(validation_errors(exc.errors(), from_request=False)).problem())


async def _on_http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    phrase = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if exc.detail != phrase else None
    return problem_response(Problem(title=phrase, status=exc.status_code, detail=detail), exc.headers)


async def _on_unexpected(_request: Request, _exc: Exception) -> JSONResponse:
    # Starlette re-raises after answering, so the error still reaches the logs with its traceback.
    return problem_response(Problem(title="Internal Server Error", status=500))


_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` for a route or router: these statuses answer problems."""
    content = {PROBLEM_JSON: {"schema": _PROBLEM_REF}}
    return {status: {"description": HTTPStatus(status).phrase, "content": content} for status in statuses}


def _with_problem_schemas(schema: dict[str, Any]) -> dict[str, Any]:
    """Add `Problem` to the components; FastAPI's own 422 body becomes a problem too."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(problem.pop("$defs"), Problem=problem)
    paths = schema.get("paths", {}).values()
    for operation in (op for path in paths for op in path.values() if isinstance(op, dict)):
        invalid = operation.get("responses", {}).get("422", {})
        if "application/json" in invalid.get("content", {}):  # FastAPI's HTTPValidationError default
            invalid["content"] = {PROBLEM_JSON: {"schema": _PROBLEM_REF}}
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    return schema


def _document_problems(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _with_problem_schemas(generate())
        return app.openapi_schema

    # Replacing `app.openapi` is FastAPI's documented way to extend the generated schema.
    app.openapi = openapi  # type: ignore[method-assign]


def install_problem_handlers(app: FastAPI) -> None:
    """Answer every error of `app` as `application/problem+json`, and document it so in OpenAPI."""
    # Typed per exception class, which Starlette's handler signature cannot express.
    handlers: dict[type[Exception], Any] = {
        ProblemError: _on_problem,
        RequestValidationError: _on_request_validation,
        ValidationError: _on_pydantic_validation,
        StarletteHTTPException: _on_http,
        Exception: _on_unexpected,
    }
    for exc_type, handler in handlers.items():
        app.add_exception_handler(exc_type, handler)
    _document_problems(app)
