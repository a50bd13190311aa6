/* datadir.h: where the engine's run-time data lives (dict.bin, trad.bin,
 * gazetteer.tsv, clean.rules, synonyms.rules…). */
#ifndef SS_DATADIR_H
#define SS_DATADIR_H

/* Default data directory: $SS_DATADIR when set and not empty, else the
 * build's data directory (compiled in). */
const char *ss_default_datadir(void);

#endif
