match x:
    case [1, *_] if y:
        pass
type T[X] = list[X]
