# A small "real" script: an inventory with classes, properties, class/static methods,
# dunder methods, generators, comprehensions, sorting, formatting and custom exceptions.
from langhelper import Thing


class InventoryError(Exception):
    pass


class OutOfStock(InventoryError):
    def __init__(self, item, wanted, have):
        super().__init__(f'{item}: wanted {wanted}, have {have}')
        self.item = item


class Item:
    _next_id = 1

    def __init__(self, name, price, qty=0, tags=()):
        self.id = Item._next_id
        Item._next_id += 1
        self.name = name
        self.price = price
        self.qty = qty
        self.tags = set(tags)

    @property
    def value(self):
        return self.price * self.qty

    @classmethod
    def parse(cls, line):
        name, price, qty, *tags = line.split(',')
        return cls(name.strip(), float(price), int(qty), (t.strip() for t in tags))

    @staticmethod
    def money(x):
        return f'${x:,.2f}'

    def __repr__(self):
        return f'Item({self.name!r}, {self.price}, qty={self.qty})'

    def __lt__(self, other):
        return (self.price, self.name) < (other.price, other.name)

    def __eq__(self, other):
        return isinstance(other, Item) and self.id == other.id

    def __hash__(self):
        return hash(self.id)


class Inventory:
    def __init__(self):
        self._items = {}

    def add(self, item):
        if item.name in self._items:
            raise InventoryError(f'duplicate item {item.name!r}')
        self._items[item.name] = item
        return self

    def take(self, name, n):
        try:
            item = self._items[name]
        except KeyError:
            raise InventoryError(f'no such item {name!r}') from None
        if item.qty < n:
            raise OutOfStock(name, n, item.qty)
        item.qty -= n
        return item

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(sorted(self._items.values()))

    def __contains__(self, name):
        return name in self._items

    def low_stock(self, limit=5):
        for item in self:
            if item.qty < limit:
                yield item

    def by_tag(self):
        tags = {}
        for item in self._items.values():
            for tag in sorted(item.tags):
                tags.setdefault(tag, []).append(item.name)
        return {t: sorted(names) for t, names in sorted(tags.items())}

    def report(self):
        width = max(len(i.name) for i in self) + 2
        lines = [f"{'name':<{width}}{'qty':>5}{'price':>10}{'value':>12}"]
        for i in self:
            lines.append(f'{i.name:<{width}}{i.qty:>5}{i.price:>10.2f}{Item.money(i.value):>12}')
        total = sum(i.value for i in self)
        lines.append(f"{'total':<{width}}{sum(i.qty for i in self):>5}{'':>10}{Item.money(total):>12}")
        return '\n'.join(lines)


DATA = """widget, 2.50, 10, small, metal
gadget, 12.00, 3, electronic
doohickey, 0.75, 100, small
gizmo, 99.99, 1, electronic, premium"""

inv = Inventory()
for line in DATA.splitlines():
    inv.add(Item.parse(line))
print(len(inv), 'gizmo' in inv, 'sprocket' in inv)
print(inv.report())
print([i.name for i in inv.low_stock()], inv.by_tag())
for name, n in [('widget', 4), ('gizmo', 2), ('sprocket', 1), ('widget', 6), ('widget', 1)]:
    try:
        item = inv.take(name, n)
        print(f'took {n} x {name}, {item.qty} left')
    except OutOfStock as e:
        print('out of stock:', e, '| item =', e.item)
    except InventoryError as e:
        print('error:', e, '| context suppressed:', e.__suppress_context__)
try:
    inv.add(Item('gadget', 1))
except InventoryError as e:
    print('error:', e)
expensive = max(inv, key=lambda i: i.price)
cheapest = min(inv)
print(expensive, cheapest, sorted(inv, reverse=True)[:2])
print({i.name: Item.money(i.value) for i in inv if i.value})
print(Thing('from helper module'))
if __name__ == '__main__':
    print('main block ran')
