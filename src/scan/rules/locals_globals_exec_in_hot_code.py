# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import builtins

SETTINGS = dict(globals())
exec("VALUE = 1")


class Config:
    names = list(locals())


def greet(name):
    return "Hello %(name)s" % locals()  # expect: PPY032


def render(template, title):
    return template.format(**locals())  # expect: PPY032


def evaluate(expressions):
    results = []
    for expression in expressions:
        results.append(eval(expression))  # expect: PPY032
    return results


def lookup(name):
    return globals()[name]


def everything():
    return vars()


def run(code):
    exec(code)
    return [builtins.eval(c) for c in code]  # expect: PPY032


def fine(obj, eval=len):
    # vars(obj) reads an object's __dict__; a shadowing eval is not the builtin.
    return vars(obj), eval(obj)
