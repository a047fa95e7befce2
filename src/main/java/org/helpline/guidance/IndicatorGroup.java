package org.helpline.guidance;

import java.util.List;

/**
 * A checklist of signs of trafficking (the ILO's forced-labour indicators, signs of sexual or labour
 * exploitation, of forced begging or crime). Scripts refer to a group by its id or to single indicators.
 *
 * @param note how to read the list (e.g. one indicator alone can be enough; usually several together)
 */
public record IndicatorGroup(String id, Text title, Text note, List<Indicator> indicators) {
    public IndicatorGroup {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public record Indicator(String id, Text text) {
    }
}
