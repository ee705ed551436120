/* Compiled at test time into the binaries listed in binaries.txt: a module initialiser is all
 * the rule looks for in untagged binaries. The fixture needs no Python headers. */
void *PyInit_module(void) { return 0; }
