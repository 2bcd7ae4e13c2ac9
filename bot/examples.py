"""The example questions: one click away in the web chat, and answered in the README from a real run
(`make docs`). They are worded for this and ask no fact that a reported evaluation set asks
(`tests/test_leaks.py` checks)."""

EXAMPLES = [
    "What do the Labelling Measures require on AI-generated content?",
    "Which providers must file their own large language model?",
    "What must an app that uses a filed model show its users?",
    "标识办法要求在内容上加哪两种标识？",
    "发现违法内容时，服务提供者应当怎么做？",
]
