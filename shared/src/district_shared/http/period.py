"""`?from=&to=`: a period of district days, both included; by default this month up to today."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from district_shared.http.problems import Invalid


class PeriodQuery(BaseModel):
    """The period, in district days; by default the current month up to today."""

    model_config = ConfigDict(populate_by_name=True)

    first: date | None = Field(None, alias="from", description="First day of the period.")
    last: date | None = Field(None, alias="to", description="Last day of the period (included).")

    @field_validator("last")
    @classmethod
    def _not_before_first(cls, last: date | None, info: ValidationInfo) -> date | None:
        first = info.data.get("first")
        if first is not None and last is not None and last < first:
            raise ValueError("is before `from`")
        return last

    def bounds(self, today: date) -> tuple[date, date]:
        """First and last day, the defaults filled in from `today` (a district date)."""
        last = self.last or today
        first = self.first or last.replace(day=1)
        if first > last:  # `from` alone, after today
            raise Invalid.at("from", "is after `to`")
        return first, last
