"""What breaking a registry rule raises; the HTTP layer turns them into 422 and 409 problems."""


class RuleBroken(ValueError):
    """An input breaks a rule: `field` is its JSON name, `rule` names the rule (answers 422)."""

    def __init__(self, field: str, rule: str, explanation: str) -> None:
        super().__init__(f"{rule}: {explanation}")
        self.field = field
        self.rule = rule
        self.explanation = explanation
        self.reason = f"{rule}: {explanation}"

    def inside(self, parent: str) -> "RuleBroken":
        """The same broken rule, its field named from `parent` (`end` inside `lease` is `lease.end`)."""
        return RuleBroken(f"{parent}.{self.field}", self.rule, self.explanation)


class StateConflict(Exception):
    """The request clashes with the current state (answers 409)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason
