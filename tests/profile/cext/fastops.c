/* A small third-party-style C extension for the profile tests: `spin` keeps the CPU busy inside
 * C for a given number of rounds (no Python code runs meanwhile), `mix` is a cheap call. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *spin(PyObject *self, PyObject *arg) {
  long rounds = PyLong_AsLong(arg);
  if (rounds < 0 && PyErr_Occurred()) return NULL;
  volatile unsigned long hash = 1469598103934665603UL;
  for (long i = 0; i < rounds; i++) hash = (hash ^ (unsigned long)i) * 1099511628211UL;
  return PyLong_FromUnsignedLong(hash);
}

static PyObject *mix(PyObject *self, PyObject *arg) {
  long value = PyLong_AsLong(arg);
  if (value == -1 && PyErr_Occurred()) return NULL;
  return PyLong_FromLong((value * 2654435761L) & 0xffffffffL);
}

static PyMethodDef methods[] = {
    {"spin", spin, METH_O, "Busy C loop of N rounds."},
    {"mix", mix, METH_O, "A cheap hash of an int."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "fastops", NULL, -1, methods};

PyMODINIT_FUNC PyInit_fastops(void) { return PyModule_Create(&module); }
