"""The example questions: one click away in the web chat, and answered in the README from a real run
(`make docs`). They are worded for this and ask no fact that a reported evaluation set asks
(`tests/test_leaks.py` checks)."""

EXAMPLES = [
    "What do the Labelling Measures require on AI-generated content?",
    "Who has to file a large language model with the CAC?",
    "Who makes the Doubao app?",
    "算法推荐管理规定是哪几个部门发布的？",
    "发现违法内容时，服务提供者应当怎么做？",
]
