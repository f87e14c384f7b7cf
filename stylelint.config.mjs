/**
 * Styles of the mini-program. WeChat's style compiler (wcsc) refuses some CSS that browsers accept; a refused
 * stylesheet is a build DevTools will not preview or upload. Each rule below is a construct we saw wcsc refuse
 * (scripts/lib/stylelint-wxss.test.ts compiles the same snippets with wcsc), so the mistake shows in the editor.
 */
const wxss = (what) => `WeChat's style compiler (wcsc) refuses ${what}`;

export default {
  customSyntax: 'postcss-scss',
  rules: {
    'selector-max-universal': [0, { message: wxss('the universal selector `*`: name the elements with a class') }],
    'selector-not-notation': ['simple', { message: wxss('a list or a combinator inside :not(): write one :not() per simple selector') }],
    'selector-disallowed-list': [
      [/:(is|where|has|not)\([^)]*,/, /:nth-[a-z-]+\([^)]*\sof\s/, /\\/],
      { message: wxss('selector lists inside :is()/:where()/:has(), `of S` in :nth-*(), and escaped characters in selectors') },
    ],
    'selector-combinator-disallowed-list': [['>>>', '/deep/'], { message: wxss('the `>>>` and `/deep/` combinators') }],
    'at-rule-disallowed-list': [
      ['layer', 'container', 'namespace', 'font-feature-values', 'scope', 'starting-style'],
      { message: wxss('@layer, @container, @namespace, @font-feature-values, @scope and @starting-style') },
    ],
    'declaration-property-value-no-unknown': null,
  },
};
