"""Bosnian and Croatian translations of the demo course, shaped like academy.demo.content."""
