// A header of the extension: no include of Python.h, but the C API gives it away.
#pragma once

static inline void hold(PyObject* object) {
  Py_INCREF(object);  // expect: PPY033
}
