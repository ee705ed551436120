# Objects with attributes updated in loops: a bouncing-particle simulation with small methods.
import sys


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x, self.y, self.vx, self.vy = x, y, vx, vy

    def step(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.x < 0 or self.x > 100:
            self.vx = -self.vx
        if self.y < 0 or self.y > 100:
            self.vy = -self.vy

    def energy(self):
        return 0.5 * (self.vx * self.vx + self.vy * self.vy)


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
particles = [Particle(i % 100, (i * 7) % 100, (i % 5) - 2.0, (i % 3) - 1.0) for i in range(1000)]
energy = 0.0
for _ in range(int(100 * scale)):
    for p in particles:
        p.step(0.1)
    energy += sum(p.energy() for p in particles)
print(round(energy, 3))
