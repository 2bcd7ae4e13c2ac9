"""A chatbot that answers questions about approvals from source documents, with citations."""

from bot.core import Bot
from bot.schema import Answer, Citation

__all__ = ["Answer", "Bot", "Citation"]
__version__ = "0.1.0"
