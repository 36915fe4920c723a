/** A calendar date in Shanghai, `YYYY-MM-DD`. */
export type LocalDate = string
