f'a{x!r:>{w}.{p}} {y=} {{lit}}' rf"\d{z}" f'''
{a # c
}''' f'{f"{q}"}' f'{x:}'
