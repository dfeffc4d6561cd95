#include "barmerger.h"

#include <algorithm>
#include <cmath>

void BarMerger::add(double x0, double x1, int index)
{
    if (x1 - x0 >= 1.0) {
        finish();
        const int left = int(std::floor(x0));
        m_items.push_back({left, std::max(left + 1, int(std::ceil(x1))), 1, index, index});
        return;
    }
    const int column = int(std::floor(x0));
    if (m_pending.count > 0 && m_pending.x0 == column) {
        ++m_pending.count;
        m_pending.last = index;
        return;
    }
    finish();
    m_pending = {column, column + 1, 1, index, index};
}

void BarMerger::finish()
{
    if (m_pending.count == 0)
        return;
    m_items.push_back(m_pending);
    m_pending = Item {};
}

void BarMerger::clear()
{
    m_items.clear();
    m_pending = Item {};
}

void BarMerger::unite(std::vector<std::pair<int, int>> &spans)
{
    if (spans.size() < 2)
        return;
    std::sort(spans.begin(), spans.end());
    std::size_t out = 0;
    for (std::size_t i = 1; i < spans.size(); ++i) {
        if (spans[i].first <= spans[out].second)
            spans[out].second = std::max(spans[out].second, spans[i].second);
        else
            spans[++out] = spans[i];
    }
    spans.resize(out + 1);
}
