/* A plain shared library: no module initialiser. */
int add(int a, int b) { return a + b; }
