#pragma once

#include <vector>

/// Turns bars laid out along one row into what is worth painting at pixel resolution: a bar at least a
/// pixel wide is kept as it is, and bars narrower than a pixel that start in the same pixel column are folded
/// into one marker that knows how many requests it holds. Nothing is dropped: the counts always add up.
class BarMerger
{
public:
    struct Item
    {
        int x0 = 0; // first pixel column
        int x1 = 0; // one past the last, always > x0
        int count = 0; // bars folded into this item; 1 for a kept bar
        int first = -1; // caller's index of the first bar in it
        int last = -1; // and of the last

        bool isMerged() const { return count > 1; }
        friend bool operator==(const Item &, const Item &) = default;
    };

    /// Bars must be added in order of x0.
    void add(double x0, double x1, int index);
    /// Closes the last open marker; items() is complete after this.
    void finish();
    void clear();

    const std::vector<Item> &items() const { return m_items; }

    /// Unites [x0, x1) pixel spans that overlap or touch, in place, sorted by x0.
    static void unite(std::vector<std::pair<int, int>> &spans);

private:
    std::vector<Item> m_items;
    Item m_pending;
};
