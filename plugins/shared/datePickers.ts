import type { DateField } from 'payload'

type DatePickerOptions = NonNullable<NonNullable<DateField['admin']>['date']>

// react-datepicker's screen-reader wording, English by default (`Choose 2026년 12월 7일 월요일`,
// `Previous Month`). Its dialog's own `Choose Date and Time` takes a component, not a string, and
// stays.
const calendarWording = {
  chooseDayAriaLabelPrefix: '선택',
  disabledDayAriaLabelPrefix: '선택할 수 없음',
  monthAriaLabelPrefix: '달력',
  // The month buttons' names, and the hidden text inside them.
  previousMonthAriaLabel: '이전 달',
  previousMonthButtonLabel: '이전 달',
  nextMonthAriaLabel: '다음 달',
  nextMonthButtonLabel: '다음 달',
  previousYearAriaLabel: '이전 해',
  previousYearButtonLabel: '이전 해',
  nextYearAriaLabel: '다음 해',
  nextYearButtonLabel: '다음 해',
  weekAriaLabelPrefix: '주',
  ariaLabelClose: '닫기',
}

/**
 * Date pickers as people in a Korean newsroom read dates: `2026-12-07 18:05`, the 24-hour clock,
 * the admin's own `dateFormat` (src/newsroom.ts). Without them Payload's picker shows
 * `12월 7, 2026 9:05 오전` (its `MMM d, yyy h:mm a` default in Korean) and react-datepicker titles
 * the time list `Time`. The browser's time zone applies, Korea's for the newsroom.
 */
export const dateTimePicker = {
  pickerAppearance: 'dayAndTime',
  displayFormat: 'yyyy-MM-dd HH:mm',
  timeFormat: 'HH:mm',
  overrides: { ...calendarWording, timeCaption: '시간' },
} satisfies DatePickerOptions

/** A calendar day (`2026-12-07`), instead of Payload's `MMM dd` default (`12월 07`, no year). */
export const dayPicker = {
  pickerAppearance: 'dayOnly',
  displayFormat: 'yyyy-MM-dd',
  overrides: calendarWording,
} satisfies DatePickerOptions
