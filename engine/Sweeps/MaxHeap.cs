namespace QuantCluster.Engine.Sweeps;

/// <summary>
/// A binary max-heap laid out in a span, for taking the few largest values off a set without
/// sorting all of it.
/// </summary>
internal ref struct MaxHeap
{
    private readonly Span<double> _items;
    private int _count;

    public MaxHeap(Span<double> items)
    {
        _items = items;
        _count = items.Length;
        for (int i = _count / 2 - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    public readonly int Count => _count;

    public readonly double Max => _items[0];

    public double Pop()
    {
        double max = _items[0];
        _items[0] = _items[--_count];
        SiftDown(0);
        return max;
    }

    private readonly void SiftDown(int i)
    {
        double value = _items[i];
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && _items[child + 1] > _items[child])
            {
                child++;
            }

            if (_items[child] <= value)
            {
                break;
            }

            _items[i] = _items[child];
            i = child;
        }

        _items[i] = value;
    }
}
