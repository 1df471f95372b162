"""PASS/FAIL lines of the host suites, counted for the summary line that
scripts/test.sh reads."""


class Results:
    passed = 0
    failed = 0

    def report(self, ok, what, details=""):
        if ok:
            self.passed += 1
            print(f"PASS {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}")
            for line in details.rstrip().splitlines():
                print(f"     | {line}")
