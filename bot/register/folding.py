"""How names are compared: `fold` (Simplified characters, width-folded, lower-case, quotes dropped, spaces
kept only between Latin words) and `is_generic` (a name that only says what kind of service it is, such as
AI助手 or 智能客服, or a word every register question uses).

Nothing here knows the register's rows or the alias table; `bot.register.names` builds its catalog with these.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.text import to_simplified

LATIN = re.compile(r"[a-z0-9]")
_DROP = str.maketrans("", "", '·•・“”"「」『』《》〈〉')
_SPACES = re.compile(r"(?<=[a-z0-9])(\s+)(?=[a-z0-9])|\s+")
# Words that name a kind of service, not one service: a name made only of these (AI助手, 智能客服) is linked
# only when the question quotes it.
_GENERIC_WORDS = sorted(
    """人工智能 智能体 大语言模型 大模型 多模态 小助手 助手 助理 客服 智能 模型 问答 对话 写作 搜索 翻译 生成 合成 算法
    文本 图像 图片 视频 语音 音频 数字人 平台 系统 服务 机器人 推荐 个性化 内容 安全 识别 引擎 语言 创作 办公 医疗 健康
    教育 金融 法律 政务 知识库 知识 通用 行业 在线 云 官网 网站 应用 小程序 工具 管家 专家 精灵 伙伴 伴侣 老师 医生
    营销 电商 客户 企业 版 端 pc app ai aigc gpt llm chat bot agent copilot assistant pro plus max mini lite
    助 手 问 答 写 文 图 聊 天 说 读 学 搜 查 画 拍 看 听 记 译 一 的 和 与 及""".split(),
    key=len,
    reverse=True,
)
_GENERIC = re.compile("|".join(re.escape(w) for w in _GENERIC_WORDS) + r"|[\s\d\W_]")
# Words every register question uses; never a name, whatever a list calls a service.
_QUESTION_WORDS = frozenset(
    """备案 登记 清单 名单 列表 数量 最新 最近 最早 首批 批次 公司 企业 单位 主体 省份 地区 全国 中国 境内 国家
    网信办 深度合成 生成式 算法备案 互联网 互联网信息服务 服务提供者 服务技术支持者 技术支持者 注销 变更 更名 产品
    编号 时间 日期 趋势 增长 分布 图表 统计""".split()
)


def fold(text: str) -> str:
    """A name as compared: Simplified, width-folded, lower-case, quotes dropped, spaces only between Latin words."""
    return fold_simplified(to_simplified(text))


@lru_cache(maxsize=65536)
def fold_simplified(text: str) -> str:
    """`fold` of a text already in Simplified characters (the same result as `fold_chars`, faster)."""
    folded = unicodedata.normalize("NFKC", text).lower().translate(_DROP)
    return _SPACES.sub(lambda m: " " if m.group(1) else "", folded)


def fold_chars(text: str) -> tuple[str, list[int]]:
    """`text` folded, and for each folded character the index of the character of `text` it came from."""
    out: list[str] = []
    where: list[int] = []
    space_at = -1  # where the last space since the last kept character was ("was “i呈贡”": "was i呈贡")
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).lower().translate(_DROP):
            if c.isspace():
                space_at = i
                continue
            if out and space_at >= 0 and LATIN.match(out[-1]) and LATIN.match(c):
                out.append(" ")
                where.append(space_at)
            out.append(c)
            where.append(i)
            space_at = -1
    return "".join(out), where


def is_generic(name: str) -> bool:
    """True for a name that only says what kind of service it is (AI助手, 智能客服, 大模型)."""
    return is_generic_folded(fold(name))


@lru_cache(maxsize=65536)
def is_generic_folded(folded: str) -> bool:
    """`is_generic` of a name already folded."""
    return folded in _QUESTION_WORDS or not _GENERIC.sub("", folded)
