/**
 * Accessibility props for a View that acts as a control (Taro Views are plain elements on H5).
 * Screen readers then announce it as a button, radio or checkbox, the keyboard can reach it (tabindex),
 * and tests/browser/a11y.test.ts measures it as a touch target (≥ 60px in 长辈版).
 * On weapp Taro keeps `role`/`aria-*`, drops `tabIndex`.
 */
export type TapRole = 'button' | 'radio' | 'checkbox' | 'switch';

export function tappable(role: TapRole = 'button', state?: { checked?: boolean; pressed?: boolean; expanded?: boolean; label?: string; disabled?: boolean }) {
  const props: Record<string, unknown> = { role, tabIndex: 0 };
  if (state?.checked !== undefined) props['aria-checked'] = state.checked;
  if (state?.pressed !== undefined) props['aria-pressed'] = state.pressed;
  if (state?.expanded !== undefined) props['aria-expanded'] = state.expanded;
  if (state?.label) props['aria-label'] = state.label;
  if (state?.disabled) {
    props['aria-disabled'] = true;
    props.tabIndex = -1;
  }
  // typed as the attributes a View already declares, so it spreads onto one
  return props as { role?: string };
}
