'a' "b" r'c' b'd' br'e' Rb'f' u'g' '''h
i''' """j""" 'k\
l'
