#!/usr/bin/env python3
"""Appends long forms of common passwords to the policy's list (run from the repository root).

NIST SP 800-63B-4 wants at least 15 characters, and few entries of the zxcvbn frequency list are
that long. What attackers try first at that length can be derived from the list itself and from the
keyboard, with no download: keyboard walks, digit runs, the top entries doubled or followed by a
common suffix, and well-known phrase passwords. Everything from the MARKER line on is replaced.
"""
import itertools
import pathlib

LIST = pathlib.Path("src/main/resources/org/memberdesk/service/credentials/common-passwords.txt")
MARKER = "# Derived long forms"
MIN = 15
TOP_DOUBLED = 500
TOP_SUFFIXED = 2000

SUFFIXES = ["1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "1234567890",
            "0", "01", "007", "69", "11", "13", "22", "99", "00", "321", "111", "777", "666", "000",
            "!", "!!", "!!!", "?", ".", "@", "#", "$", "*", "1!", "12!", "123!", "1234!", "!1", "!123",
            "!@#", "!@#$", "!@#$%", "123!@#", "@123", "#1", "_123", "-123", ".123", "qwerty", "abc", "abc123"]
SUFFIXES += [str(y) for y in range(1970, 2031)] + [str(y) + "!" for y in range(2015, 2031)]
SUFFIXES += [f"{d:02d}" for d in range(100)]

# Keyboard rows (US, plus AZERTY and QWERTZ letters) and the columns, in both directions.
ROWS = ["1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./", "azertyuiop", "qsdfghjklm", "wxcvbn",
        "qwertzuiop", "yxcvbnm"]
COLUMNS = ["1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,", "9ol.", "0p;/"]
PHRASES = """iloveyouiloveyou letmeinletmein1 letmeinletmein123 correcthorsebatterystaple
correcthorsebatterystaple1 thequickbrownfox thequickbrownfoxjumpsoverthelazydog
thequickbrownfoxjumpedoverthelazydog maytheforcebewithyou iloveyouforever iloveyoutoomuch
iloveyousomuch1 iloveyousomuch123 iloveyoubaby123 iloveyoumommy123 ilovemyfamily123 ilovemyboyfriend
ilovemygirlfriend ilovemyhusband ilovemywife1234 ilovemydaughter ilovemychildren ilovemykids1234 ilovejesuschrist
jesusismysavior jesuslovesme123 jesusismylord123 godisgoodallthetime godisgreatallthetime thisismypassword
thisismypassword1 thisisapassword thisisthepassword mypasswordispassword passwordispassword mynewpassword123
mysecretpassword myfirstpassword passwordpassword passwordpassword1 password1password1 changemechangeme
changemepleasenow pleasechangeme123 letmeinplease123 opensesameopensesame welcometothejungle welcometomyworld
helloworldhelloworld helloworld12345 hellohellohello onetwothreefour onetwothreefourfive tobeornottobe1234
tobeornottobethatisthequestion supercalifragilisticexpialidocious hastalavistababy iamyourfather123
nevergonnagiveyouup nevergonnagiveyouupnevergonnaletyoudown whatsupdocwhatsupdoc trustno1trustno1
trustnoonetrustnoone ihateyouihateyou fuckyoufuckyou123 iwanttobelieve123 liveloveandlaugh livelaughlove123
carpediemcarpediem happybirthdaytoyou merrychristmas123 abcdefghijklmnop abcdefghijklmnopqrstuvwxyz
administrator123 administratoradmin adminadminadmin adminpassword123 rootpassword1234 qwertyuiopasdfghjklzxcvbnm""".split()


def prefixes(walk):
    """The walk's prefixes of MIN characters or more."""
    return [walk[:n] for n in range(MIN, len(walk) + 1)]


def walks():
    found = set()
    letters_only = [r for r in ROWS]
    for start in range(4):
        for direction in (1, -1):
            seq = ROWS[:4][start::direction] if direction == 1 else ROWS[:4][start::-1]
            found.update(prefixes("".join(seq)))
    for rows in itertools.permutations(letters_only[:4], 2):
        found.update(prefixes("".join(rows)))
    for r in ROWS:
        for n in range(4, len(r) + 1):
            found.update(prefixes(r[:n] * (MIN // n + 2))[:8])
            found.update(prefixes(r[:n][::-1] * (MIN // n + 2))[:8])
    cols = COLUMNS
    for seq in (cols, cols[::-1], [c[::-1] for c in cols], [c[::-1] for c in cols[::-1]]):
        found.update(prefixes("".join(seq)))
        found.update(prefixes("".join(c.rstrip(",./;") for c in seq)))
    # 1qaz!qaz2wsx@wsx, zaq1xsw2cde3: columns with the shifted digit, and bottom up
    shifted = dict(zip("1234567890", "!@#$%^&*()"))
    found.update(prefixes("".join(c + shifted[c[0]] + c[1:] for c in cols)))
    found.update(prefixes("".join(c[1:] + c[0] for c in cols)[:40]))
    found.update(prefixes("".join(c[:0:-1] + c[0] for c in cols)))
    # pairs of rows interleaved: q1w2e3r4..., 1q2w3e4r..., qawsedrf...
    for a, b in itertools.permutations(ROWS[:4], 2):
        found.update(prefixes("".join(x + y for x, y in zip(a, b))))
    # two rows joined, each cut to its letters or digits
    for a, b in itertools.product(["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "0987654321",
                                   "poiuytrewq", "lkjhgfdsa", "mnbvcxz", "qwerty", "asdfgh", "zxcvbn"], repeat=2):
        if a != b:
            found.update(prefixes(a + b))
    return found


def digit_runs():
    found = set()
    for up in ("0123456789" * 5, "1234567890" * 5, "9876543210" * 5, "0987654321" * 5):
        found.update(prefixes(up[:40]))
    for d in "0123456789":
        found.update(d * n for n in range(MIN, 33))
    for unit in ["12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "321", "4321",
                 "54321", "654321", "147258369", "159753", "159357", "741852963", "789456123", "123789",
                 "147852369", "963852741", "01", "10", "69", "007", "2580", "13579", "02468", "112233",
                 "123123", "121212", "1122", "1212", "123321", "12344321", "1234554321"]:
        found.update(prefixes((unit * (40 // len(unit) + 1))[:40]))
    found.update(prefixes("".join(str(d) * 2 for d in range(1, 10)) + "00"))
    found.update(prefixes("".join(str(d) * 3 for d in range(1, 10))))
    found.update(prefixes("".join(str(d) * d for d in range(1, 10))))
    for n in range(5, 11):
        up = "1234567890"[:n]
        found.update(prefixes(up + up[::-1]))
        found.update(prefixes(up + up[-2::-1]))
    for letters in ["abc", "abcd", "abcde", "abcdef", "qwe", "qwer", "qwert", "qwerty", "asd", "asdf", "zxc",
                    "aaa", "a", "x", "z", "q", "ab", "xyz"]:
        found.update(prefixes((letters * (40 // len(letters) + 1))[:40]))
        found.update(prefixes(letters + "1234567890" * 3)[:10])
    return found


def main():
    lines = LIST.read_text(encoding="utf-8").splitlines()
    if MARKER in "\n".join(lines):
        lines = lines[:next(i for i, l in enumerate(lines) if l.startswith(MARKER))]
    original = [l.strip() for l in lines if l.strip() and not l.startswith("#")]
    known = set(original)

    derived = []

    def add(candidates):
        for c in sorted(candidates, key=lambda s: (len(s), s)) if isinstance(candidates, set) else candidates:
            c = c.lower()
            if len(c) >= MIN and c not in known and "\n" not in c and c == c.strip():
                known.add(c)
                derived.append(c)

    add(walks())
    add(digit_runs())
    add(p * 2 for p in original[:TOP_DOUBLED])
    add(p * 2 + s for p in original[:TOP_DOUBLED // 5] for s in ["1", "!", "123"])
    add(p + s for p in original[:TOP_SUFFIXED] for s in SUFFIXES)
    add(PHRASES)
    add(p.capitalize() for p in PHRASES)  # lower-cased again by add: the policy compares lower case

    header = [MARKER + " (" + str(len(derived)) + "), made by docs/derive-common-passwords.py: keyboard walks,",
              "# digit runs, the top entries doubled or followed by a common suffix, well-known phrase passwords."]
    LIST.write_text("\n".join(lines + header + derived) + "\n", encoding="utf-8")
    print(f"{len(original)} listed, {len(derived)} derived, {LIST.stat().st_size} bytes")


if __name__ == "__main__":
    main()
