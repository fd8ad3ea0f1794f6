/**
 * Demo content beyond the seed page's main article. The neighbours' titles and times are those
 * printed on the seed page; their bodies, and the section-foot headlines, are invented demo text.
 */
export type DemoArticle = {
  dateline?: string
  regionCode: string
  registeredAt: string
  reporter: string
  slug: string
  subtitle?: string
  title: string
}

export const DEMO_NOTE =
  '※ 데모용 기사입니다. 본문은 예시로 지어낸 글입니다. (Demo article: invented text.)'

export const demoNeighbours: DemoArticle[] = [
  {
    slug: 'demo-hongseong-childcare',
    title: '다양한 아이 돌봄 체험 교실 ‘눈길’',
    regionCode: '4480000000',
    registeredAt: '2020-04-17T13:37:43+09:00',
    reporter: '박서연',
  },
  {
    slug: 'demo-incheon-seobu-fire-drill',
    title: '화재취약대상 소방차 길터주기 훈련',
    dateline: '인천서부소방서',
    regionCode: '2800000000',
    registeredAt: '2020-04-16T16:35:32+09:00',
    reporter: '박서연',
  },
]

export const demoHeadlines: DemoArticle[] = [
  {
    slug: 'demo-jeonbuk-samsung',
    title: '전북과 삼성전자, 스마트공장 협력 (데모)',
    regionCode: '4500000000',
    registeredAt: '2020-04-16T10:12:00+09:00',
    reporter: '이도윤',
  },
  {
    slug: 'demo-jeonbuk-korean-business',
    title: '전북, 세계한인비즈니스대회 유치 나서 (데모)',
    regionCode: '4500000000',
    registeredAt: '2020-04-16T09:40:00+09:00',
    reporter: '이도윤',
  },
  {
    slug: 'demo-chungnam-seafood',
    title: '도내 생산·어획 수산물 안전성 검사 강화 (데모)',
    regionCode: '4400000000',
    registeredAt: '2020-04-15T17:05:00+09:00',
    reporter: '박서연',
  },
  {
    slug: 'demo-chungnam-naepo',
    title: '내포신도시 인구 4만 명 돌파 (데모)',
    regionCode: '4400000000',
    registeredAt: '2020-04-15T15:20:00+09:00',
    reporter: '박서연',
  },
  {
    slug: 'demo-sejong-vacancy-fair',
    title: '‘세종상가공실박람회’ 연다 (데모)',
    regionCode: '3600000000',
    registeredAt: '2020-04-15T11:00:00+09:00',
    reporter: '이도윤',
  },
  {
    slug: 'demo-cheonan-foreign-workers',
    title: '외국인 근로자 희망 일자리 상담 (데모)',
    regionCode: '4413000000',
    registeredAt: '2020-04-14T16:45:00+09:00',
    reporter: '박서연',
  },
  {
    slug: 'demo-daejeon-jaundae',
    title: '자운대에서 민관군 화합 행사 (데모)',
    regionCode: '3000000000',
    registeredAt: '2020-04-14T14:30:00+09:00',
    reporter: '이도윤',
  },
]

export const demoSigungu = [
  { code: '4413000000', name: '천안시', fullName: '충청남도 천안시' },
  { code: '4480000000', name: '홍성군', fullName: '충청남도 홍성군' },
  { code: '3111000000', name: '중구', fullName: '울산광역시 중구' },
]

export const demoReporters = [
  {
    name: '김한수',
    slug: 'kim-hansu',
    email: 'hansu.kim@newsroom.example',
    bio: '울산 지역 담당 기자 (데모)',
  },
  {
    name: '박서연',
    slug: 'park-seoyeon',
    email: 'seoyeon.park@newsroom.example',
    bio: '충청·인천 지역 담당 기자 (데모)',
  },
  {
    name: '이도윤',
    slug: 'lee-doyun',
    email: 'doyun.lee@newsroom.example',
    bio: '호남·대전 지역 담당 기자 (데모)',
  },
]

/** Demo 발행 정보 for the footer: invented particulars (the number is no real registration). */
export const demoMasthead = {
  title: '뉴스룸 데모일보',
  registrationNumber: '울산 아00000',
  // Noon KST: the same day in every browser's time zone (the admin shows days in its own).
  registeredOn: '2020-04-01T12:00:00+09:00',
  firstPublishedOn: '2020-04-17T12:00:00+09:00',
  publisher: '홍길동',
  editor: '김편집',
  youthProtectionOfficer: '이보호',
  company: '(주)뉴스룸데모',
  address: '울산광역시 남구 (데모 주소)',
  phone: '052-000-0000',
  email: 'desk@newsroom.example',
}
