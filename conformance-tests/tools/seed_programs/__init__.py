"""Seed-page programs recorded by ../record_seed_programs.py, one module per owner.

A module here defines programs: module-level functions named ``program_<name>`` that take no
arguments, run one seed example (or one keyword-argument variant of it) with fixed inputs in real
Flax, and return a dict of value name -> pytree (params, outputs, state collections, grads ...).
A program that is expected to fail may simply raise; the recorder then stores the exception's
class, module and message instead of values. The first line of a program's docstring is
recorded as its description. Programs are recorded in source order.
"""
