"""The interop test as a list of steps in one test function (the servers share one database
that pytest-django empties after each test, so the steps cannot be tests of their own).

A step is a function run at once by `@steps.step(name)`:
- a step that fails because of a known defect of Anjuman is marked `finding=N` (the number in
  /tmp/interop-findings.md, later the issue): its failure is expected, the next steps run;
- a step that fails unmarked is a regression: the steps go on (what depends on it is not run),
  and the test fails at the end, naming every failed step;
- a step that `needs` a step that failed is not run.
At the end: any unexpected failure fails the test; else expected failures make it xfail
(naming the findings); a marked step that passes is reported as fixed (a warning: remove the
mark).
"""

import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest


@dataclass
class Outcome:
    name: str
    state: str  # passed, expected, failed, not run
    seconds: float = 0.0
    detail: str = ""
    finding: int | None = None


@dataclass
class Steps:
    outcomes: list[Outcome] = field(default_factory=list)

    def _state(self, name: str) -> str | None:
        for outcome in self.outcomes:
            if outcome.name == name:
                return outcome.state
        return None

    def passed(self, name: str) -> bool:
        return self._state(name) == "passed"

    def step(
        self, name: str, *, finding: int | None = None, needs: tuple[str, ...] = ()
    ) -> Callable[[Callable[[], None]], Callable[[], None]]:
        def run(body: Callable[[], None]) -> Callable[[], None]:
            missing = [n for n in needs if not self.passed(n)]
            if missing:
                self.outcomes.append(
                    Outcome(name, "not run", detail=f"needs: {', '.join(missing)}")
                )
                return body
            started = time.monotonic()
            try:
                body()
            except Exception as e:
                state = "expected" if finding is not None else "failed"
                detail = "".join(traceback.format_exception_only(e)).strip()
                if state == "failed":
                    detail += "\n" + "".join(traceback.format_tb(e.__traceback__)[-3:])
                self.outcomes.append(
                    Outcome(name, state, time.monotonic() - started, detail[:3000], finding)
                )
            else:
                self.outcomes.append(
                    Outcome(name, "passed", time.monotonic() - started, finding=finding)
                )
            return body

        return run

    def report(self) -> str:
        lines = []
        for o in self.outcomes:
            mark = f" (finding {o.finding})" if o.finding is not None else ""
            lines.append(f"[{o.state:>8}] {o.seconds:5.1f} s  {o.name}{mark}")
            if o.detail and o.state != "passed":
                lines += ["           " + line for line in o.detail.splitlines()[:12]]
        return "\n".join(lines)

    def finish(self, diagnostics: Callable[[], str] | None = None) -> None:
        print("\n" + self.report())
        fixed = [o for o in self.outcomes if o.state == "passed" and o.finding is not None]
        for o in fixed:
            warnings.warn(
                f"interop finding {o.finding} looks fixed ({o.name!r} passes): remove its mark",
                UserWarning,
                stacklevel=2,
            )
        failed = [o for o in self.outcomes if o.state == "failed"]
        if failed:
            if diagnostics is not None:
                print(diagnostics())
            pytest.fail("unexpected failures:\n" + self.report(), pytrace=False)
        expected = [o for o in self.outcomes if o.state in ("expected", "not run")]
        if expected:
            findings = sorted({o.finding for o in expected if o.finding is not None})
            pytest.xfail(
                "known defects (/tmp/interop-findings.md): finding "
                + ", ".join(str(n) for n in findings)
                + "\n"
                + self.report()
            )
