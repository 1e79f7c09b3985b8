"""The event coder: who did what to whom in a sentence, as a CAMEO code, and whether it matters.

`events` is the stage the pipeline runs; the other modules are its parts:

- `patterns` reads the verb and noun patterns (data/verbs.txt, data/modality.tsv) and
  `trigger` is a word that matched one;
- `grammar` finds subjects, objects and governing clauses on the dependency parse, and
  `classes` the semantic class of an argument (data/classes.tsv) for word sense;
- `mood` reads polarity, modality, demands and appeals from the trigger's clause;
- `codebook` is CAMEO with its PLOVER crosswalk and Goldstein scores; `readings` re-reads a
  pattern's code from the event's context and `aims` picks the sub-code its topic names;
- `relevance` marks the coded events a researcher of politics would leave out (candidates).

The actors the coder reads its parties from (tacitus.actors) and the place and date stages that
follow it live outside this package.
"""
