import type { DefaultTranslationsObject } from '@payloadcms/translations'
import type { RichTextAdapterProvider } from 'payload'

import { deepMergeSimple } from 'payload'

type ProviderArgs = Parameters<RichTextAdapterProvider>[0]

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] }

/**
 * Where Payload's built-in Korean is wrong, English or machine-made, the newsroom's wording
 * (config `i18n.translations.ko`, merged over Payload's own per request, server and admin alike).
 *
 * Payload fills labels into fixed templates, so a particle cannot follow the label (`사진이(가)`):
 * these templates put the label where no particle is needed (`새 사진 저장 완료`, `기사 3개를`).
 * 게시 stays Payload's word for publish (buttons the desk knows).
 */
export const koTranslations: DeepPartial<DefaultTranslationsObject> = {
  dashboard: {
    addButton: '추가',
    discardConfirmLabel: '버리기',
  },
  error: {
    deletingTitle: '"{{title}}" 삭제 중 오류가 발생했습니다. 연결을 확인하고 다시 시도하세요.',
    documentNotFound:
      'ID {{id}} 문서를 찾을 수 없습니다. 삭제되었거나, 없는 문서이거나, 볼 권한이 없습니다.',
    restoringTitle: '"{{title}}" 복원 중 오류가 발생했습니다. 연결을 확인하고 다시 시도하세요.',
    unableToDeleteCount: '{{label}} {{total}}개 중 {{count}}개를 삭제하지 못했습니다.',
    unableToUpdateCount: '{{label}} {{total}}개 중 {{count}}개를 저장하지 못했습니다.',
  },
  fields: {
    addNewLabel: '새 {{label}} 추가',
    newLabel: '새 {{label}}',
    // The hidden text of every array row's and collapsible's open/close button.
    toggleBlock: '펼치기/접기',
    uploadNewLabel: '새 {{label}} 올리기',
  },
  general: {
    aboutToDelete: '{{label}} <1>{{title}}</1>: 삭제하시겠습니까?',
    aboutToDeleteCount_many: '{{label}} {{count}}개를 삭제하시겠습니까?',
    aboutToDeleteCount_one: '{{label}} {{count}}개를 삭제하시겠습니까?',
    aboutToDeleteCount_other: '{{label}} {{count}}개를 삭제하시겠습니까?',
    aboutToPermanentlyDelete:
      '{{label}} <1>{{title}}</1>: 영구 삭제하시겠습니까? 되돌릴 수 없습니다.',
    aboutToPermanentlyDeleteTrash:
      '휴지통의 <1>{{label}}</1> <0>{{count}}</0>개를 영구 삭제하시겠습니까? 되돌릴 수 없습니다.',
    aboutToRestore: '{{label}} <1>{{title}}</1>: 복원하시겠습니까?',
    aboutToRestoreAsDraft: '{{label}} <1>{{title}}</1>: 초안으로 복원하시겠습니까?',
    aboutToRestoreAsDraftCount: '{{label}} {{count}}개를 초안으로 복원하시겠습니까?',
    aboutToRestoreCount: '{{label}} {{count}}개를 복원하시겠습니까?',
    aboutToTrash: '{{label}} <1>{{title}}</1>: 휴지통으로 옮기시겠습니까?',
    aboutToTrashCount: '{{label}} {{count}}개를 휴지통으로 옮기시겠습니까?',
    anotherUserTakenOver: '다른 사용자가 이 문서의 편집을 넘겨받았습니다.',
    // Payload's own file has a translator's prompt here instead of the word.
    clear: '지우기',
    createNewLabel: '새 {{label}} 만들기',
    creatingNewLabel: '새 {{label}} 만드는 중',
    currentlyEditing:
      '님이 이 문서를 편집하고 있습니다. 편집을 넘겨받으면 그분은 더 이상 편집할 수 없고, 저장하지 않은 변경 사항을 잃을 수 있습니다.',
    deletedCountSuccessfully: '{{label}} {{count}}개 삭제 완료',
    documentIsTrashed: '휴지통에 있는 {{label}} 문서입니다. 읽기만 할 수 있습니다.',
    documentLocked: '다른 사람이 편집 중인 문서입니다',
    documentOutOfDate:
      '다른 사용자가 방금 이 문서를 수정했습니다. 지금 보는 내용은 최신이 아닙니다.',
    editedSince: '마지막 편집:',
    editingTakenOver: '편집을 넘겨받았습니다',
    export: '내보내기',
    false: '아니요',
    fallbackToDefaultLocale: '기본 언어로 대체',
    groupByLabel: '{{label}}별로 묶기',
    import: '가져오기',
    locale: '언어',
    locales: '언어',
    move: '이동',
    moving: '이동 중',
    newLabel: '새 {{label}}',
    noResults: '{{label}} 없음: 아직 하나도 없거나, 위의 필터에 맞는 것이 없습니다.',
    noTrashResults: '휴지통에 있는 {{label}} 없음',
    noUpcomingEventsScheduled: '예약된 작업이 없습니다.',
    // Pagination reads `1-10 / 25`.
    of: '/',
    payloadSettings: '관리 화면 설정',
    perPage: '페이지당 {{limit}}개',
    permanentlyDeletedCountSuccessfully: '{{label}} {{count}}개 영구 삭제 완료',
    restoreAsPublished: '게시 버전으로 복원',
    restoredCountSuccessfully: '{{label}} {{count}}개 복원 완료',
    // Payload's own file has a translator's prompt here instead of the word.
    restoring: '복원 중...',
    schedulePublishFor: '"{{title}}" 게시 예약',
    searchBy: '{{label}} 검색',
    select: '선택',
    selectLabel: '{{label}} 선택',
    sortByLabelDirection: '{{label}} {{direction}} 정렬',
    successfullyCreated: '새 {{label}} 저장 완료',
    successfullyDuplicated: '{{label}} 복제 완료',
    takeOver: '넘겨받기',
    titleDeleted: '{{label}} "{{title}}" 삭제 완료',
    titleRestored: '{{label}} "{{title}}" 복원 완료',
    titleTrashed: '{{label}} "{{title}}" 휴지통으로 이동 완료',
    trashedCountSuccessfully: '{{label}} {{count}}개 휴지통으로 이동 완료',
    true: '예',
    upcomingEvents: '예약된 작업',
    // Not 수정 (revisedAt, the editorial revision time): the last save of any kind.
    lastModified: '마지막 저장 일시',
    updatedAt: '마지막 저장 일시',
    updatedCountSuccessfully: '{{label}} {{count}}개 저장 완료',
    updatedLabelSuccessfully: '{{label}} 저장 완료',
    updatedSuccessfully: '저장했습니다.',
  },
  operators: {
    intersects: '교차함',
    isNotLike: '유사하지 않음',
    within: '범위 안',
  },
  validation: {
    fieldHasNo: '이 입력란에 {{label}} 없음',
    greaterThanMax: '{{value}}: 허용된 최대 {{label}}({{max}})보다 큽니다.',
    lessThanMin: '{{value}}: 허용된 최소 {{label}}({{min}})보다 작습니다.',
    notValidDate: '"{{value}}": 올바른 날짜가 아닙니다.',
    requiresAtLeast: '이 입력란에는 {{label}} {{count}}개 이상이 필요합니다.',
    requiresNoMoreThan: '이 입력란에는 {{label}} {{count}}개까지만 넣을 수 있습니다.',
    trueOrFalse: '이 입력란에는 예 또는 아니요만 넣을 수 있습니다.',
  },
  version: {
    aboutToPublishSelection: '선택한 {{label}}: 게시하시겠습니까?',
    aboutToRestore: '이 {{label}} 문서를 {{versionDate}} 버전으로 되돌리시겠습니까?',
    aboutToUnpublishSelection: '선택한 {{label}}: 게시를 해제하시겠습니까?',
    changedFieldsCount_one: '변경된 입력란 {{count}}개',
    changedFieldsCount_other: '변경된 입력란 {{count}}개',
    comparingAgainst: '비교 대상',
    currentlyViewing: '지금 보는 버전',
    lastSavedAgo: '{{distance}} 전 저장',
    moreVersions: '버전 더 보기...',
    noRowsFound: '{{label}} 없음',
    previouslyDraft: '이전: 초안',
    previouslyPublished: '이전: 게시됨',
    publishing: '게시 중...',
    restoreAsDraft: '초안으로 복원',
    schedulePublish: '게시 예약',
    scheduledSuccessfully: '예약했습니다.',
    selectLocales: '표시할 언어 선택',
    showLocales: '언어 표시:',
    unpublished: '게시 안 됨',
    // Payload's own reads "failed to publish".
    unpublishedSuccessfully: '게시를 해제했습니다.',
    versionCount_many: '버전 {{count}}개',
    versionCount_none: '버전 없음',
    versionCount_one: '버전 {{count}}개',
    versionCount_other: '버전 {{count}}개',
    viewingVersion: '{{entityLabel}} {{documentTitle}}: 버전 보기',
    viewingVersions: '{{entityLabel}} {{documentTitle}}: 버전 목록',
  },
}

/**
 * The rich-text editor's wording (slash menu, toolbar). These strings come from
 * @payloadcms/richtext-lexical, which merges its own `lexical.*` translations over the config's
 * when its adapter provider runs, so `i18n.translations.ko.lexical` would lose: see
 * `withKoreanEditor`.
 */
export const koLexicalTranslations = {
  lexical: {
    align: { alignJustifyLabel: '양쪽 정렬' },
    blocks: {
      inlineBlocks: {
        create: '{{label}} 만들기',
        edit: '{{label}} 수정',
        remove: '{{label}} 제거',
      },
    },
    checklist: { label: '체크리스트' },
    general: {
      placeholder: "본문을 입력하세요. '/'를 누르면 넣을 수 있는 요소가 나옵니다.",
      slashMenuBasicGroupLabel: '기본',
      slashMenuListGroupLabel: '목록',
      toolbarItemsActive: '{{count}}개 적용됨',
    },
    heading: { label: '소제목 {{headingLevel}}' },
    horizontalRule: { label: '구분선' },
    link: { loadingWithEllipsis: '불러오는 중...' },
    orderedList: { label: '번호 목록' },
    // In this newsroom the relationship block embeds an article (src/appConfig.ts).
    relationship: { label: '기사 연결' },
    unorderedList: { label: '글머리 기호 목록' },
    // … and the upload block a photo.
    upload: { label: '사진' },
  },
}

/**
 * The rich-text editor with the newsroom's Korean. A richtext adapter provider is documented to
 * merge its translations into `config.i18n.translations` when it runs (RichTextAdapter.i18n,
 * payload/dist/admin/RichText.d.ts: "manually merge i18n translations into the
 * config.i18n.translations object within the adapter provider"), and lexical's does exactly that,
 * last. Wrapping the provider — the documented `RichTextAdapterProvider` shape, called once by
 * Payload's sanitize with the config it is building — lets ours be merged after lexical's, the
 * same way, for every key including the editor-wide `lexical.general` ones. The other ways: a
 * post-processing step on `buildConfig`'s result would have to be repeated in every entry point
 * (app, worker, scripts, tests each call buildConfig); wrapping individual feature providers
 * reaches into their internal shape and cannot reach `lexical.general` (the slash menu's `기본`).
 * Fields with an editor of their own would run lexical's merge again: wrap theirs too.
 */
export const withKoreanEditor =
  <Adapter>(provider: (args: ProviderArgs) => Adapter | Promise<Adapter>) =>
  async (args: ProviderArgs): Promise<Adapter> => {
    const adapter = await provider(args)
    args.config.i18n.translations = deepMergeSimple<typeof args.config.i18n.translations>(
      args.config.i18n.translations,
      { ko: koLexicalTranslations },
    )
    return adapter
  }
