"""Register rows for the parser's tests: the real generative-AI register as `bot.register.tables` reads it,
and a few hand-made algorithm and deep-synthesis rows carrying facts from the algorithm data README (one
filing in two series, a renamed company, a cancelled row, products), so these tests need no Word parsing."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bot.register.aliases import Alias
from bot.register.records import Product, RegisterList, RegisterRow
from bot.register.tables import read_register_json

REPO = Path(__file__).resolve().parent.parent
GENAI = REPO / "corpus" / "register" / "cac-genai" / "genai_filing.json"


@lru_cache(maxsize=1)
def genai_rows() -> tuple[RegisterRow, ...]:
    """Every service row of the real JSON, read by the project's reader (repeated header rows left out)."""
    rows, _ = read_register_json(GENAI, "corpus/register/cac-genai/genai_filing.json")
    return tuple(rows)


def _algorithm_list(series: str, period: str) -> RegisterList:
    title = "境内互联网信息服务算法备案清单" if series == "algorithm" else "境内深度合成服务算法备案清单"
    return RegisterList(series, period, f"{title}（{period}）", None, f"{series}-{period}.docx")  # type: ignore[arg-type]


def algorithm_rows() -> tuple[RegisterRow, ...]:
    """Hand-made rows in the shape the Word-list reader gives, with the data README's facts."""
    algo_2022 = _algorithm_list("algorithm", "2022-08")
    deep_2023 = _algorithm_list("deep-synthesis", "2023-06")
    algo_2022_10 = _algorithm_list("algorithm", "2022-10")
    algo_2023 = _algorithm_list("algorithm", "2023-01")
    deep_2025 = _algorithm_list("deep-synthesis", "2025-09")

    def row(rlist: RegisterList, name: str, company: str, number: str, category: str, products: str, **kw):
        items = tuple(
            Product(p.split("（")[0], p.split("（")[1].rstrip("）")) if "（" in p else Product(p)
            for p in products.split("、")
            if p
        )
        return RegisterRow(
            series=rlist.series,
            kind="filing",
            name=name,
            company=company,
            number=number,
            province=kw.pop("province", "北京"),
            list=rlist,
            category=category,
            products=items,
            **kw,
        )

    return (
        row(algo_2022, "快手短视频生成合成算法", "北京快手科技有限公司", "网信算备110108413760701220011号",
            "生成合成类", "快手（APP）"),
        row(deep_2023, "快手短视频生成合成算法", "北京快手科技有限公司", "网信算备110108413760701220011号",
            "服务提供者", "快手（APP）"),
        row(algo_2022, "抖音个性化推荐算法", "北京抖音信息服务有限公司", "网信算备110108823483902220013号",
            "个性化推送类", "西瓜视频（APP）、抖音短视频（APP）、今日头条（APP）"),
        row(algo_2022_10, "考拉推荐算法", "杭州优卖网络科技有限公司", "网信算备330108562416102220027号",
            "个性化推送类", "考拉海购（APP）", province="浙江", remarks="已注销", cancelled=True),
        row(algo_2023, "得物个性化推荐算法", "上海得物信息集团有限公司", "网信算备310109033582302220017号",
            "个性化推送类", "得物（APP）", province="上海",
            remarks="原主体名称“上海识装信息科技有限公司”变更为“上海得物信息集团有限公司”",
            renamed_from="上海识装信息科技有限公司"),
        row(deep_2025, "快手可灵大模型生成合成算法", "北京快手科技有限公司", "网信算备110108413760701250055号",
            "服务提供者", "可灵AI（APP）、可灵AI（网站）"),
        row(deep_2023, "出门问问语音合成类算法-2", "出门问问信息科技有限公司", "网信算备110108928160101230017号",
            "服务技术支持者", ""),
    )  # fmt: skip


def group_rows() -> tuple[tuple[RegisterRow, ...], tuple[Alias, ...]]:
    """Invented rows and aliases for how an alias stands for rows: a group (Jiayi) with its own company and a
    service named for it that another company filed; a service brand (Wenyu) and the company that runs it;
    a renamed company whose earlier name still files under its own name, and one known only from a remark."""
    deep = _algorithm_list("deep-synthesis", "2025-09")
    algo = _algorithm_list("algorithm", "2025-09")
    genai = RegisterList("genai", "2025-09", "生成式人工智能服务已备案信息（2025年9月）", None, "genai.json")

    def row(rlist: RegisterList, name: str, company: str, number: str, **kw) -> RegisterRow:
        kind = kw.pop("kind", "filing")
        return RegisterRow(rlist.series, kind, name, company, number, "北京", rlist, **kw)  # type: ignore[arg-type]

    rows = (
        row(algo, "甲乙商城推荐算法", "甲乙科技有限公司", "网信算备110108000000001250011号",
            products=(Product("甲乙商城", "APP"),)),
        row(algo, "甲乙视频推荐算法", "丙丁网络科技有限公司", "网信算备510107000000002250019号",
            products=(Product("甲乙商城极速版", "APP"), Product("丁丁", "APP"))),
        row(genai, "问语大模型", "问语智能科技有限公司", "Beijing-WenYu-202509010001", date=20250905),
        row(deep, "问语图像生成算法", "问语智能科技有限公司", "网信算备110108000000003250013号",
            products=(Product("问语 助手", "APP"),)),
        row(deep, "新名图像生成算法", "新名科技有限公司", "网信算备110108000000004250017号",
            renamed_from="旧名科技有限公司"),
        row(genai, "旧名助手", "旧名科技有限公司", "Beijing-JiuMingZhuShou-20250901S0001", kind="registration",
            date=20250901),
        row(deep, "后来文本生成算法", "后来科技有限公司", "网信算备110108000000005250015号",
            renamed_from="更早科技有限公司"),
    )  # fmt: skip
    aliases = (
        Alias(
            ("Jiayi",),
            ("甲乙", "甲乙商城"),
            "company",
            companies=("甲乙科技有限公司",),
            services=("甲乙视频推荐算法",),
            products=("甲乙商城", "甲乙商城极速版"),
        ),
        Alias(
            ("Wenyu",),
            ("问语",),
            "service",
            companies=("问语智能科技有限公司",),
            services=("问语大模型",),
            products=("问语助手",),  # the list writes "问语 助手"
        ),
    )
    return rows, aliases
