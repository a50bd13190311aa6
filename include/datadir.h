/* datadir.h: where the engine's data files (dictionary, traditional-
 * character table, cleaning rules, gazetteer) are.
 *
 * In this order: a folder set by the program (its --data DIR option), else
 * $SS_DATADIR, else next to the program itself (<dir of the executable>/
 * ../share/speech-search as installed, or the build tree's build/data),
 * else the install prefix's share/speech-search compiled in.  Never the
 * absolute path of the folder it was built in, so installed or copied
 * programs keep working when the clone is gone. */
#ifndef SS_DATADIR_H
#define SS_DATADIR_H

/* Sets the folder to use (NULL: back to the search above). dir is not
 * copied: it must outlive every use. */
void ss_datadir_set(const char *dir);

/* The data folder (static storage). */
const char *ss_datadir(void);

#endif
