/* Input of a code generator, never compiled on its own: no #include, so no finding. */
static PyObject *
fragment(PyObject *module, PyObject *args)
{
    int value;
    if (!PyArg_ParseTuple(args, "i", &value)) return NULL;
    Py_INCREF(module);
    return module;
}
