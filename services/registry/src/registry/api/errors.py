"""Domain rule errors as problems: a broken rule answers 422, a clash with the state 409."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from district_shared.http.problems import Conflict, Invalid, problem_response
from registry.domain.errors import RuleBroken, StateConflict


async def _rule_broken(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RuleBroken)
    return problem_response(Invalid.at(error.field, error.reason).problem())


async def _state_conflict(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StateConflict)
    return problem_response(Conflict(error.reason, error.field).problem())


def install_rule_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RuleBroken, _rule_broken)
    app.add_exception_handler(StateConflict, _state_conflict)
