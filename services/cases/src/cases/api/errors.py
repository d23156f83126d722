"""Domain refusals as problems: an action the table forbids answers 409, a field out of range 422."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from cases.domain import IllegalTransition, InvalidAction
from district_shared.http.problems import Conflict, Invalid, problem_response


async def _illegal_transition(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, IllegalTransition)
    return problem_response(Conflict(str(error), "action").problem())


async def _invalid_action(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, InvalidAction)
    return problem_response(Invalid.at(error.field, error.reason).problem())


def install_case_handlers(app: FastAPI) -> None:
    app.add_exception_handler(IllegalTransition, _illegal_transition)
    app.add_exception_handler(InvalidAction, _invalid_action)
