"""`/imports`: buildings and enterprises with leases in bulk, from CSV or JSON."""

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Header, Query, Request, Response, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.idempotency import IdempotencyKey, StoredResponse, run_once
from district_shared.http.problems import ProblemError, problem_responses
from district_shared.service import Runtime
from registry.api.resources import ImportOut
from registry.use_cases.imports import ImportRequest, find_import, run_import
from registry.use_cases.imports.rows import BuildingRow, EnterpriseRow, Format

_FORMATS: dict[str, Format] = {"text/csv": "csv", "application/json": "json"}
_ROW = {"oneOf": [BuildingRow.model_json_schema(), EnterpriseRow.model_json_schema()]}  # no nested models
# The body is read raw (CSV is not JSON): its two media types are documented by hand.
_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "text/csv": {
                "schema": {"type": "string", "description": "Header on line 1; columns as in JSON."}
            },
            "application/json": {"schema": {"type": "array", "items": _ROW}},
        },
    }
}


class UnsupportedMediaType(ProblemError):
    status = 415


def _format(content_type: str | None) -> Format:
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type not in _FORMATS:
        raise UnsupportedMediaType(f"send text/csv or application/json, not {media_type or 'nothing'}")
    return _FORMATS[media_type]


def import_routes(runtime: Runtime, max_rows: int) -> APIRouter:
    router = APIRouter(prefix="/imports", tags=["imports"], responses=problem_responses(422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["registry:read"])]
    Writer = Annotated[Principal, Security(runtime.principal, scopes=["registry:write"])]
    clock = runtime.clock

    @router.post(
        "", status_code=201, response_model=ImportOut, openapi_extra=_BODY, responses=problem_responses(415)
    )
    async def import_rows(
        request: Request,
        who: Writer,
        key: IdempotencyKey,
        content_type: Annotated[str | None, Header()] = None,
        all_or_nothing: Annotated[bool, Query(description="Store nothing when any row is refused.")] = False,
    ) -> Response:
        """Store the valid rows with their events and report the refused ones by line."""
        wanted = ImportRequest(await request.body(), _format(content_type), all_or_nothing, max_rows)

        async def effect(session: AsyncSession) -> StoredResponse:
            report = await run_import(session, wanted, who.subject, clock.now())
            return StoredResponse.created(ImportOut.model_validate(report), f"/imports/{report.id}")

        return await run_once(runtime.sessions, who.subject, key, clock.now(), effect)

    @router.get("/{import_id}", responses=problem_responses(404))
    async def get_import(
        import_id: UUID, _who: Reader, session: Annotated[AsyncSession, Depends(runtime.read_session)]
    ) -> ImportOut:
        return ImportOut.model_validate(await find_import(session, import_id))

    return router
