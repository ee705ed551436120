f'{x:a
b}'
